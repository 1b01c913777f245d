package dev.specwright.runtime;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;

/**
 * Where a distributed {@link RateLimit} bucket lives, so that several JVMs serving one caller (as the
 * {@link RateLimitScope} names it) draw from one bucket: {@link RedisBuckets#lettuce(io.lettuce.core.RedisClient)}.
 * Pass it to {@link RateLimit#distributed(BucketStore)}.
 * Opaque: the runtime provides the implementations.
 *
 * <p>The bucket's key in the store is a digest of the base URI and the caller's identity — never a credential or a
 * tenant name. Its clock is the wall clock of the {@link TimeSource} (NTP-synchronised hosts agree on it to a few
 * milliseconds, which is what a bucket refilled every 100 ms needs).
 */
public abstract class BucketStore {

    BucketStore() {}

    /**
     * The bucket stored under {@code key}, created with {@code configuration} if the store has none yet (a bucket
     * already there keeps its own). Connects to the store on first use. Asynchronous and batched: the caller makes one
     * per key and JVM and sends every request for that key through it, so that at most one request per key is with the
     * store at a time and those made meanwhile go together in the next one (Bucket4j's batching optimization: each
     * request in a batch gets the answer it would have had alone, in the order they were made).
     *
     * @throws RuntimeException if the store cannot be reached; the caller turns it into a {@link TransportException}
     */
    abstract AsyncBucketProxy bucket(String key, BucketConfiguration configuration, TimeSource time);
}
