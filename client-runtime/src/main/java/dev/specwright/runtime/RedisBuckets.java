package dev.specwright.runtime;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limit buckets kept in Redis (Bucket4j's Lettuce integration, compare-and-swap in a Lua script), for
 * {@link RateLimit#distributed(BucketStore)}:
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://redis.internal:6379");
 * builder.rateLimit(RateLimit.of(10, 25).distributed(RedisBuckets.lettuce(redis)));
 * }</pre>
 *
 * Needs {@code com.bucket4j:bucket4j_jdk17-lettuce} and {@code io.lettuce:lettuce-core} (6.x) on the class path: the
 * runtime declares both optional, so only applications that use Redis carry them. A bucket's key is
 * {@code specwright:rate-limit:} and a SHA-256 digest; it expires once the bucket would be full again anyway. Requests
 * for one key from one JVM are batched (Bucket4j's batching optimization): one compare-and-swap in flight at a time,
 * carrying every reservation made meanwhile; a request cut off by a dropped connection is sent again (up to three
 * times, after short pauses).
 */
public final class RedisBuckets {

    /** Each key lives this long after the bucket would have refilled to full, then Redis drops it. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    /** How long one command to Redis may take before the call fails. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private RedisBuckets() {}

    /** Buckets in the Redis {@code client} points at, over one connection opened on first use; the client stays yours. */
    public static BucketStore lettuce(RedisClient client) {
        Objects.requireNonNull(client, "client");
        return new LettuceStore(client, null);
    }

    /** Buckets in Redis over an open connection (with {@link ByteArrayCodec}); the connection stays yours. */
    public static BucketStore lettuce(StatefulRedisConnection<byte[], byte[]> connection) {
        Objects.requireNonNull(connection, "connection");
        return new LettuceStore(null, connection);
    }

    private static final class LettuceStore extends BucketStore {

        private final RedisClient client;
        private StatefulRedisConnection<byte[], byte[]> connection; // guarded by this
        /** One proxy manager per time source: the clock is part of its configuration. */
        private final Map<TimeSource, AsyncProxyManager<byte[]>> managers = new ConcurrentHashMap<>();

        LettuceStore(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection) {
            this.client = client;
            this.connection = connection;
        }

        /**
         * Batched: without it, every thread ran its own compare-and-swap loop on the one key (a GET, then a Lua script
         * that swaps only if the value is unchanged), and with 32 threads in each of two JVMs most swaps failed and
         * were retried — a dozen or more round trips per token, the first tokens seconds late, calls failing on the
         * request timeout. Batched, this JVM has one swap in flight per key, and all that came meanwhile ride on the
         * next one, each with its own exact answer.
         */
        @Override
        AsyncBucketProxy bucket(String key, BucketConfiguration configuration, TimeSource time) {
            return managers.computeIfAbsent(time, this::manager).builder()
                    .withOptimization(Optimizations.batching())
                    .build(key.getBytes(StandardCharsets.UTF_8), () -> CompletableFuture.completedFuture(configuration));
        }

        private AsyncProxyManager<byte[]> manager(TimeSource time) {
            return Bucket4jLettuce.casBasedBuilder(connection())
                    .clientClock(wallClock(time))
                    .requestTimeout(COMMAND_TIMEOUT)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                    .build()
                    .asAsync();
        }

        private synchronized StatefulRedisConnection<byte[], byte[]> connection() {
            if (connection == null) {
                connection = client.connect(ByteArrayCodec.INSTANCE);
            }
            return connection;
        }

        @Override
        public String toString() {
            return "RedisBuckets.lettuce"; // not the URI: it may hold the Redis password
        }
    }

    /** Nanoseconds since the epoch on the time source's wall clock: every JVM sharing the bucket must read the same. */
    private static TimeMeter wallClock(TimeSource time) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = time.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
