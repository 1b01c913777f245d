package com.example;

/** The project's own class a schemaMappings entry names: found in the sources, so it is not reported. */
public record Money(long minorUnits, String currency) {}
