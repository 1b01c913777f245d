package dev.specwright.runtime.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one mapper configuration every client uses, for JSON and (in generic calls) XML. */
public final class JsonMappers {

    private JsonMappers() {}

    /**
     * ISO 8601 dates rather than epoch numbers, and unknown properties ignored: a field the server adds later must not
     * break an older client.
     */
    public static ObjectMapper create() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * One mapper configured as {@link #create()}, shared by the whole JVM, for work that has no client at hand (a
     * {@code deepObject} query is expanded when the request is built, before any client sees it). Made on first use.
     * Do not reconfigure it: every caller relies on the configuration of {@link #create()}.
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = create();
    }

    /** The XML counterpart of {@link #create()}, with the same date and unknown-property rules. */
    public static XmlMapper createXml() {
        XmlMapper mapper = new XmlMapper();
        mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }
}
