package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Jakarta Validation annotations from the spec's constraints, on a model's record components ({@code beanValidation},
 * off by default): {@code @NotNull} for a required property that is not nullable nor read-only, {@code @Size} from
 * {@code minLength}/{@code maxLength} (strings) and {@code minItems}/{@code maxItems} (arrays), {@code @Pattern} from
 * {@code pattern} (the regex as a string literal, escaped like all spec text), {@code @Min}/{@code @Max} for whole
 * bounds of integers, {@code @DecimalMin}/{@code @DecimalMax} for the others and for exclusive bounds, and
 * {@code @Valid} on a property holding models or unions (directly, in a list or in a map), so validation cascades.
 * Each constraint goes only on the Java types it applies to: a string's on {@code String}, a number's on the number
 * types; a type the user mapped ({@code typeMappings}, {@code schemaMappings}) gets none but {@code @NotNull}.
 */
final class BeanValidation {

    private static final String PACKAGE = "jakarta.validation.constraints";
    static final ClassName NOT_NULL = ClassName.get(PACKAGE, "NotNull");
    static final ClassName SIZE = ClassName.get(PACKAGE, "Size");
    static final ClassName PATTERN = ClassName.get(PACKAGE, "Pattern");
    static final ClassName MIN = ClassName.get(PACKAGE, "Min");
    static final ClassName MAX = ClassName.get(PACKAGE, "Max");
    static final ClassName DECIMAL_MIN = ClassName.get(PACKAGE, "DecimalMin");
    static final ClassName DECIMAL_MAX = ClassName.get(PACKAGE, "DecimalMax");
    static final ClassName VALID = ClassName.get("jakarta.validation", "Valid");

    /** The models and unions of the run: what {@code @Valid} cascades into (an enum has nothing to validate). */
    private final Set<String> validated = new HashSet<>();

    BeanValidation(ApiModel api) {
        api.models().forEach(m -> validated.add(m.className()));
        api.unions().forEach(u -> validated.add(u.className()));
    }

    List<AnnotationSpec> annotations(ModelDef.Property p) {
        List<AnnotationSpec> out = new ArrayList<>();
        if (p.required() && !p.nullable() && !p.readOnly()) {
            out.add(AnnotationSpec.builder(NOT_NULL).build());
        }
        if (cascades(p.type())) {
            out.add(AnnotationSpec.builder(VALID).build());
        }
        p.constraints().ifPresent(c -> {
            TypeRef t = p.type();
            if (t == TypeRef.Builtin.STRING) {
                size(out, c.minLength().orElse(null), c.maxLength().orElse(null));
                c.pattern().ifPresent(regex -> out.add(AnnotationSpec.builder(PATTERN).addMember("regexp", "$L", JavaText.literal(regex)).build()));
            }
            if (t instanceof TypeRef.ListOf) {
                size(out, c.minItems().orElse(null), c.maxItems().orElse(null));
            }
            if (t == TypeRef.Builtin.INTEGER || t == TypeRef.Builtin.LONG || t == TypeRef.Builtin.DECIMAL || t == TypeRef.Builtin.DOUBLE) {
                boolean whole = t == TypeRef.Builtin.INTEGER || t == TypeRef.Builtin.LONG;
                c.minimum().ifPresent(min -> out.add(bound(min, c.exclusiveMinimum(), whole, MIN, DECIMAL_MIN)));
                c.maximum().ifPresent(max -> out.add(bound(max, c.exclusiveMaximum(), whole, MAX, DECIMAL_MAX)));
            }
        });
        return out;
    }

    private boolean cascades(TypeRef type) {
        if (type instanceof TypeRef.ListOf list) {
            return cascades(list.element());
        }
        if (type instanceof TypeRef.MapOf map) {
            return cascades(map.value());
        }
        return type instanceof TypeRef.Named named && validated.contains(named.className());
    }

    private static void size(List<AnnotationSpec> out, Integer min, Integer max) {
        if (min == null && max == null) {
            return;
        }
        List<CodeBlock> members = new ArrayList<>();
        if (min != null) {
            members.add(CodeBlock.of("min = $L", min));
        }
        if (max != null) {
            members.add(CodeBlock.of("max = $L", max));
        }
        out.add(JavaTypes.inline(SIZE, "$L", CodeBlock.join(members, ", ")));
    }

    /** {@code @Min(5)} for a whole inclusive bound of an integer type that fits a long; else {@code @DecimalMin("5.5")}. */
    private static AnnotationSpec bound(BigDecimal value, boolean exclusive, boolean whole, ClassName integral, ClassName decimal) {
        BigDecimal plain = value.stripTrailingZeros();
        if (whole && !exclusive && plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return AnnotationSpec.builder(integral).addMember("value", "$LL", plain.longValueExact()).build();
        }
        String text = value.toPlainString();
        return exclusive
                ? JavaTypes.inline(decimal, "value = $L, inclusive = false", JavaText.literal(text))
                : AnnotationSpec.builder(decimal).addMember("value", "$L", JavaText.literal(text)).build();
    }
}
