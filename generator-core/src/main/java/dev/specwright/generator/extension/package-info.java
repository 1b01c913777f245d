/**
 * The extension SPI: a {@link dev.specwright.generator.extension.GeneratorExtension} sees each generated Java type
 * before it is written (as a JavaPoet {@code TypeSpec}, with a {@link dev.specwright.generator.extension.GeneratedType}
 * saying what it is) and may add to it, or add whole files
 * ({@link dev.specwright.generator.extension.ExtensionFile}) from an
 * {@link dev.specwright.generator.extension.ExtensionContext}. Extensions are found by {@code ServiceLoader} on the
 * Maven plugin's {@code <dependencies>} (the CLI's {@code --extensions-path}) or named in {@code extensions}.
 * {@link dev.specwright.generator.extension.Extensions} is the generator's side, not part of the SPI.
 */
package dev.specwright.generator.extension;
