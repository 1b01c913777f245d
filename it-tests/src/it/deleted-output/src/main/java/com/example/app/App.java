package com.example.app;

import com.example.pets.model.Pet;

/** Uses a generated model: it compiles only while the generated sources are on the compile path. */
public final class App {

    private App() {
    }

    public static String describe(Pet pet) {
        return pet.name();
    }
}
