package dev.specwright.runtime.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The text Jackson would write for an enum constant: its {@link JsonValue} member, else its {@link JsonProperty} name,
 * else {@code toString()}. Looked up by reflection once per enum class and cached, so the request path stays free of
 * reflection.
 */
final class EnumJsonValues {

    private static final ClassValue<String[]> BY_ORDINAL = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return texts(type);
        }
    };

    private EnumJsonValues() {}

    static String of(Enum<?> constant) {
        return BY_ORDINAL.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    private static String[] texts(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        AccessibleObject jsonValue = jsonValueMember(enumType);
        String[] texts = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            Enum<?> constant = (Enum<?>) constants[i];
            String text = jsonValue == null ? null : read(jsonValue, constant);
            texts[i] = text != null ? text : propertyNameOrToString(enumType, constant);
        }
        return texts;
    }

    private static AccessibleObject jsonValueMember(Class<?> enumType) {
        for (Method method : enumType.getDeclaredMethods()) {
            JsonValue annotation = method.getAnnotation(JsonValue.class);
            if (annotation != null && annotation.value() && method.getParameterCount() == 0
                    && !Modifier.isStatic(method.getModifiers())) {
                return method;
            }
        }
        for (Field field : enumType.getDeclaredFields()) {
            JsonValue annotation = field.getAnnotation(JsonValue.class);
            if (annotation != null && annotation.value() && !Modifier.isStatic(field.getModifiers())) {
                return field;
            }
        }
        return null;
    }

    /** The member's value as text, or null if it cannot be read (then the caller falls back). */
    private static String read(AccessibleObject member, Enum<?> constant) {
        try {
            member.setAccessible(true);
            Object value = member instanceof Method method ? method.invoke(constant) : ((Field) member).get(constant);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String propertyNameOrToString(Class<?> enumType, Enum<?> constant) {
        try {
            JsonProperty property = enumType.getField(constant.name()).getAnnotation(JsonProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        } catch (NoSuchFieldException e) {
            // cannot happen for a constant of this type; toString() below is the documented fallback
        }
        return constant.toString();
    }
}
