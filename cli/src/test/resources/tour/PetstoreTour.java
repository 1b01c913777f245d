package com.example.app;

import com.example.petstore.PetstoreClient;
import com.example.petstore.PetstoreCredentials;
import com.example.petstore.api.FindPetsByStatusParams;
import com.example.petstore.api.LoginUserParams;
import com.example.petstore.model.FindPetsByStatusStatus;
import com.example.petstore.model.Pet;
import com.example.petstore.model.PetStatus;
import dev.specwright.runtime.ApiException;
import dev.specwright.runtime.TransportException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Five minutes with the generated Petstore client: one call per API, and the errors. */
public final class PetstoreTour {

    private PetstoreTour() {}

    public static void main(String[] args) {
        PetstoreClient petstore = PetstoreClient.builder()
                // the spec's only server is relative (/v3): name the absolute base URI yourself
                .baseUri(URI.create("https://petstore3.swagger.io/api/v3"))
                // the api_key scheme: sent as the api_key header on every request
                .credentials(PetstoreCredentials.apiKey("special-key"))
                .userAgent("petstore-tour", "1.0", "you@example.com")
                .build();
        tour(petstore, System.out);
    }

    static void tour(PetstoreClient petstore, PrintStream out) {
        // pet: GET /pet/findByStatus?status=available
        List<Pet> available = petstore.pet().findByStatus(FindPetsByStatusParams.builder()
                .status(FindPetsByStatusStatus.AVAILABLE)
                .build());
        out.println(available.size() + " pets available");

        // pet: POST /pet with a JSON body; name and photoUrls are required, the builder checks them
        Pet added = petstore.pet().add(Pet.builder()
                .name("doggie")
                .photoUrls(List.of("https://example.com/doggie.jpg"))
                .status(PetStatus.AVAILABLE)
                .build());
        out.println("added pet " + added.id());

        // store: GET /store/inventory
        Map<String, Integer> inventory = petstore.store().getInventory();
        out.println("inventory: " + inventory);

        // user: GET /user/login?username=theUser&password=...
        String session = petstore.user().login(LoginUserParams.builder()
                .username("theUser")
                .password("12345")
                .build());
        out.println("logged in: " + session);

        // an error status is an ApiException: status, method, URI, and the body (redacted for logs)
        try {
            petstore.pet().getById(-1L);
        } catch (ApiException e) {
            out.println("HTTP " + e.status() + " from " + e.method() + " " + e.uri().getPath() + ": " + e.redactedBody());
        } catch (TransportException e) {
            out.println("no answer: " + e.getMessage()); // connection, TLS or timeout; the server may have acted
        }
    }
}
