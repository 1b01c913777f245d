package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * A {@code oneOf}/{@code anyOf} schema: a sealed interface whose variants are the models it names (which implement it),
 * wrappers for variants that are not models ({@code Of<Type>} records), and {@code Unknown}, which keeps the raw JSON of
 * anything no variant matches.
 *
 * @param discriminator the property whose value names the variant, when the spec gives one
 * @param unknownName the nested record keeping what no variant matches: {@code Unknown}, unless the union or a variant
 *     model has that name (a variant model inherits the union's nested types, which would hide its own name)
 * @param decoderName the nested Jackson deserializer: {@code Decoder}, on the same terms
 */
public record UnionDef(String className, String description, Optional<String> discriminator, List<Variant> variants,
        String unknownName, String decoderName) {

    public UnionDef {
        variants = List.copyOf(variants);
    }

    /**
     * @param wrapper the nested wrapper record's name when the variant is not a model (a string, a list, an enum...)
     * @param discriminatorValues the discriminator values that select this variant
     * @param required the JSON properties an object must have to be this variant
     * @param known every JSON property this variant declares (an object with others is a weaker match)
     */
    public record Variant(TypeRef type, Optional<String> wrapper, List<String> discriminatorValues, List<String> required,
            List<String> known) {
        public Variant {
            discriminatorValues = List.copyOf(discriminatorValues);
            required = List.copyOf(required);
            known = List.copyOf(known);
        }
    }
}
