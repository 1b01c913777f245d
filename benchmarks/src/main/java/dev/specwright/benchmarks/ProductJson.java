package dev.specwright.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/** The answers the loopback server gives: one product, or a page of many, as the platform's JSON (deterministic). */
final class ProductJson {

    private ProductJson() {}

    /** One product with every field set, so decoding exercises strings, numbers, lists, nested records and dates. */
    static String product(int index) {
        String sku = String.format(Locale.ROOT, "SKU-%05d", index);
        return "{\"sku\":\"" + sku + "\",\"title\":\"Running shoe " + index + "\","
                + "\"description\":\"A light running shoe, model " + index + ", with a breathable upper.\","
                + "\"stock\":" + (index % 250) + ",\"price\":" + (49 + index % 100) + ".5,\"vatRate\":0.25,"
                + "\"currency\":\"SEK\",\"ean\":\"73" + String.format(Locale.ROOT, "%011d", index) + "\","
                + "\"brand\":\"Acme\",\"weight\":0." + (100 + index % 900) + ","
                + "\"categories\":[\"shoes\",\"running\"],"
                + "\"attributes\":[{\"name\":\"colour\",\"value\":\"blue\"},{\"name\":\"size\",\"value\":\""
                + (36 + index % 12) + "\"}],"
                + "\"isDeleted\":false,\"createdAt\":\"2019-06-05T06:58:34Z\",\"modifiedAt\":\"2026-11-25T10:15:00Z\"}";
    }

    static byte[] one() {
        return product(1).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] list(int size) {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        for (int i = 0; i < size; i++) {
            joined.add(product(i));
        }
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }
}
