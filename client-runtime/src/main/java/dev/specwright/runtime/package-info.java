/**
 * The Specwright runtime: the transport, authentication and error handling every generated client is built on. This
 * package is public API that generated clients of older toolkit versions rely on: nothing is removed once released, only
 * deprecated.
 */
package dev.specwright.runtime;
