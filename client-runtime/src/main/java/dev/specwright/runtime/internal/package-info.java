/**
 * Helpers for the runtime and for generated code. Not meant for application code; like the public API, nothing here is
 * removed once released, only deprecated, because generated clients of older toolkit versions may call it.
 */
package dev.specwright.runtime.internal;
