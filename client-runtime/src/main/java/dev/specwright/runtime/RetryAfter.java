package dev.specwright.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date in any of the three formats a recipient
 * must accept (§5.6.7). A date is measured against the answer's own {@code Date} header when it has one, so a skewed
 * local clock does not change the wait, else against the local clock.
 */
final class RetryAfter {

    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME, // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970) // obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
                    .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH) // asctime: Sun Nov  6 08:49:37 1994
                    .withZone(ZoneOffset.UTC));

    private RetryAfter() {}

    /** The wait the answer asks for; zero for a date in the past; empty when there is no readable header. */
    static Optional<Duration> of(HttpHeaders headers, Instant now) {
        return of(headers::firstValue, now);
    }

    /** As {@link #of(HttpHeaders, Instant)}, the headers read through {@code header} (a case-insensitive lookup). */
    static Optional<Duration> of(Function<String, Optional<String>> header, Instant now) {
        String value = header.apply("Retry-After").map(String::strip).orElse("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(seconds(value));
        }
        return date(value).map(date -> {
            Instant reference = header.apply("Date").flatMap(RetryAfter::date).orElse(now);
            Duration wait = Duration.between(reference, date);
            return wait.isNegative() ? Duration.ZERO : wait;
        });
    }

    private static Duration seconds(String digits) {
        // a 20-digit delay is no less a "very long time" than a 19-digit one; the caller caps it anyway
        return digits.length() > 18 ? Duration.ofSeconds(Long.MAX_VALUE) : Duration.ofSeconds(Long.parseLong(digits));
    }

    private static Optional<Instant> date(String text) {
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                return Optional.of(ZonedDateTime.parse(text.strip(), format).toInstant());
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return Optional.empty();
    }
}
