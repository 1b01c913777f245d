/**
 * Support for generated JSON:API clients (jsonapi.org): typed filters ({@link dev.specwright.runtime.jsonapi.FilterField},
 * {@link dev.specwright.runtime.jsonapi.Filter}), sort orders ({@link dev.specwright.runtime.jsonapi.Sort}), the
 * lookup of included resources ({@link dev.specwright.runtime.jsonapi.Included}) and the error document
 * ({@link dev.specwright.runtime.jsonapi.JsonApiException}, {@link dev.specwright.runtime.jsonapi.JsonApiErrors}).
 * Public API: a contract like {@code dev.specwright.runtime}.
 */
package dev.specwright.runtime.jsonapi;
