package com.example.app;

import com.example.platform.Environment;
import com.example.platform.PlatformApiException;
import com.example.platform.PlatformClient;
import com.example.platform.PlatformCredentials;
import com.example.platform.model.Product;

/** Reads one product through the client generated from the platform spec. */
public final class PlatformApp {

    private PlatformApp() {}

    public static void main(String[] args) {
        PlatformClient platform = PlatformClient.builder()
                .environment(Environment.production())
                .credentials(PlatformCredentials.tenant(System.getenv("PLATFORM_USER"), System.getenv("PLATFORM_PASSWORD"),
                        "acme", "conn-42"))
                .userAgent("platform-app", "1.0", "dev@example.com")
                .build();
        try {
            Product product = platform.products().get(args[0]);
            System.out.println(product.sku() + ": " + product.title());
        } catch (PlatformApiException e) {
            System.err.println(e.getMessage()); // the decoded error: its code, category and message
        }
    }
}
