package dev.specwright.runtime;

import java.net.http.HttpHeaders;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link Credentials.Builder#bearer(RefreshableToken)}: the token asked for per request, refreshed once per refused
 * token. Authentication holds the read lock (calls ask for the token at the same time), a refresh the write lock (calls
 * wait for the fresh token). Equal when the token source is: callers sharing one share a rate-limit bucket.
 */
record RefreshingBearer(RefreshableToken source, Refreshes refreshes) implements Authenticator {

    /** The refresh state shared by the copies of one authenticator: the tokens refreshed lately, oldest first. */
    static final class Refreshes {
        static final int REMEMBERED = 8; // a 401 to a token this many refreshes old is a refresh again
        final ReadWriteLock lock = new ReentrantReadWriteLock();
        final java.util.Set<String> refused = new java.util.LinkedHashSet<>(); // guarded by lock's write lock

        @Override
        public boolean equals(Object other) {
            return other instanceof Refreshes; // state, not identity: equality is the source's
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    RefreshingBearer(RefreshableToken source) {
        this(source, new Refreshes());
    }

    @Override
    public void authenticate(AuthRequest request) {
        String value;
        refreshes.lock.readLock().lock();
        try {
            value = source.token();
        } finally {
            refreshes.lock.readLock().unlock();
        }
        if (value == null) {
            throw new IllegalStateException("the RefreshableToken returned a null token; it must return a token");
        }
        SuppliedBearer.requireToken(value, "the bearer token the RefreshableToken returned");
        request.header("Authorization", "Bearer " + value);
    }

    /**
     * Refreshes once per refused token: the first call refused with it calls {@link RefreshableToken#refresh}, those
     * refused with the same token meanwhile or after find it refreshed and only send again, also when it was refreshed
     * more than once since (a late 401 to one of the last eight tokens refreshed). A refresh that throws ends the call
     * with its 401, the failure suppressed in it.
     */
    @Override
    public boolean refused(HttpHeaders sent) {
        String header = sent.firstValue("Authorization").orElse("");
        if (!header.startsWith("Bearer ")) {
            return false; // not ours
        }
        String refused = header.substring("Bearer ".length());
        refreshes.lock.writeLock().lock();
        try {
            // once per refused token, also for a late 401 to a token refreshed before the last one
            if (refreshes.refused.add(refused)) {
                if (refreshes.refused.size() > Refreshes.REMEMBERED) {
                    refreshes.refused.remove(refreshes.refused.iterator().next());
                }
                source.refresh(refused);
            }
        } finally {
            refreshes.lock.writeLock().unlock();
        }
        return true;
    }

    @Override
    public String toString() {
        return "Authorization=Bearer (supplied per request, refreshed on a 401)";
    }
}
