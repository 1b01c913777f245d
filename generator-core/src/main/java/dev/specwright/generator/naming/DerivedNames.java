package dev.specwright.generator.naming;

import java.util.List;

/**
 * Every name the generator derives from another name, in one place: the suffixes and prefixes ({@code <Model>Field},
 * {@code <Operation>Params}, {@code <Category>Exception}, {@code <Client>ErrorDecoder}...) and the fixed names of the
 * generated code's own types and members. The build stage asks here and allocates the result through a
 * {@link NameScope}; emitters only read the allocated names from the model, and {@link NameValidation} proves them
 * free of clashes.
 */
public final class DerivedNames {

    /**
     * The constant of every generated Java enum that stands for a value this client does not know: the nested enum of
     * an open enum, {@code ErrorCode} and {@code ErrorCategory}. The runtime reads it by this name
     * ({@code dev.specwright.runtime.OpenEnum.UNKNOWN}, which a test keeps equal to this one).
     */
    public static final String UNKNOWN = "UNKNOWN";

    /** The base package's fixed types. */
    public static final String ENVIRONMENT = "Environment";
    public static final String ERROR_CODE = "ErrorCode";
    public static final String ERROR_CATEGORY = "ErrorCategory";

    /** The nested types of a union: its decoder and the record keeping a value no variant matches. */
    public static final String UNION_UNKNOWN = "Unknown";
    public static final String UNION_DECODER = "Decoder";

    /** The builder nested in every model record and in every client. */
    public static final String BUILDER = "Builder";

    /** {@code ErrorCode}'s own upper-case member: no catalogue entry may take its name. */
    public static final String ERROR_CODE_INDEX = "BY_KEY";

    /**
     * Runtime types generated code in the base package names by their simple name: a generated type of the same name
     * there would hide them (a category {@code Api} must not give {@code ApiException}).
     */
    public static final List<String> RUNTIME_TYPES = List.of("ApiClient", "ApiException", "ApiRequest", "ClientOptions",
            "Credentials", "ErrorDecoder", "HttpFailure", "OAuth2ClientCredentials", "RateLimit", "RequestOptions",
            "ResponseTooLargeException", "RetryPolicy", "TransportException", "UserAgent", "OpenEnum", "OpenEnumValues",
            "FieldSelector", "Binary", "Download");

    private static final String CLIENT = "Client";
    private static final String CREDENTIALS = "Credentials";
    private static final String API_EXCEPTION = "ApiException";
    private static final String ERROR_DECODER = "ErrorDecoder";

    /** The longest suffix put after the client's name: the name is shortened so that every such type stays legal. */
    public static final int LONGEST_CLIENT_SUFFIX = ERROR_DECODER.length();

    private DerivedNames() {}

    public static String clientClass(String clientName) {
        return clientName + CLIENT;
    }

    public static String credentialsClass(String clientName) {
        return clientName + CREDENTIALS;
    }

    public static String apiExceptionClass(String clientName) {
        return clientName + API_EXCEPTION;
    }

    public static String errorDecoder(String clientName) {
        return clientName + ERROR_DECODER;
    }

    /**
     * The group of the operations a spec gives no tag: named for the API itself, as a person would ({@code
     * client.petstore().listPets()} and {@code PetstoreApi} for "Swagger Petstore"), not {@code default_()}.
     */
    public static String untaggedGroup(String clientName) {
        return clientName;
    }

    /** {@code pets} → {@code PetsApi}; a tag split over several classes: {@code PetsPart2Api}, ... */
    public static String apiClass(String tag, int part) {
        return JavaNames.typeName(groupName(tag, part)) + "Api";
    }

    /** The client's accessor for an API class: {@code pets()}, {@code petsPart2()}. */
    public static String apiAccessor(String tag, int part) {
        return JavaNames.memberName(groupName(tag, part));
    }

    private static String groupName(String tag, int part) {
        return part == 1 ? tag : tag + " part " + part;
    }

    /** The class of an operation's optional parameters: {@code ListPetsParams}. */
    public static String paramsClass(String operationType) {
        return operationType + "Params";
    }

    /** The class of a tag's operations returning a {@code CompletableFuture}: {@code PetsAsyncApi}. */
    public static String asyncApiClass(String tag, int part) {
        return JavaNames.typeName(groupName(tag, part)) + "AsyncApi";
    }

    /** The API class's accessor of its async twin: {@code client.pets().async()}. */
    public static final String ASYNC_ACCESSOR = "async";

    /** The API classes' method giving a view with per-call options: {@code client.pets().with(options)}. */
    public static final String WITH_OPTIONS = "with";

    /**
     * The members every API class has before its operations (and {@code Object}'s methods): no operation takes them.
     */
    public static final List<String> API_MEMBERS = List.of(WITH_OPTIONS, ASYNC_ACCESSOR);

    /**
     * The package-private static method of {@code <Tag>Api} building an operation's request, which the sync and the
     * async method both call: {@code getRequest}. Allocated after every operation's name, in the same scope.
     */
    public static String requestMethod(String methodName) {
        return methodName + "Request";
    }

    /**
     * The method of {@code <Tag>Api} (and {@code <Tag>AsyncApi}) returning an operation's answer with its status and
     * headers: {@code getWithResponse}. Allocated after every operation's and request builder's name, in the same scope.
     */
    public static String responseMethod(String methodName) {
        return methodName + "WithResponse";
    }

    /**
     * The varargs parameter of the overload taking an include filter's fields: {@code fields}, unless a required
     * parameter of the operation has that name.
     */
    public static String fieldsParameter(List<String> requiredParameters) {
        NameScope names = new NameScope();
        requiredParameters.forEach(names::reserve);
        return names.allocate("fields");
    }


    /** The enum of a model's field names, for field-filter parameters: {@code PetField}. */
    public static String fieldEnum(String modelClass) {
        return modelClass + "Field";
    }

    /**
     * The raw-names setter next to a field-filter setter of the Params builder: {@code includeFields(PetField...)} and
     * {@code includeFieldNames(String...)}; never the name of another setter there (the operation's parameters).
     */
    public static String fieldNamesMethod(String parameter, List<String> parameters) {
        NameScope setters = new NameScope();
        parameters.forEach(setters::reserve);
        return setters.allocate(parameter.replaceAll("Fields$", "") + "FieldNames");
    }

    /** The naming context of an operation's inline request body schema: {@code CreatePetRequest}. */
    public static String requestContext(String operationType) {
        return operationType + "Request";
    }

    /** The naming context of an operation's inline response schema: {@code GetPetResponse}. */
    public static String responseContext(String operationType) {
        return operationType + "Response";
    }

    /** The naming context of an inline array item schema: {@code PetTagsItem}. */
    public static String itemContext(String context) {
        return context + "Item";
    }

    /** The naming context of an inline map value schema: {@code PetLabelsValue}. */
    public static String valueContext(String context) {
        return context + "Value";
    }

    /** A union's wrapper record for a variant that is not a model: {@code OfString}, {@code OfListOfPet}. */
    public static String unionWrapper(String typeSuffix) {
        return "Of" + typeSuffix;
    }

    /** The stem of a category's exception class, before {@link #exceptionClass}: {@code invalid data} → {@code InvalidData}. */
    public static String exceptionStem(String category) {
        StringBuilder stem = new StringBuilder();
        for (String word : JavaNames.words(category)) {
            // UNKNOWN, AUTH: a shouted word is still one word of a class name (UnknownException, not UNKNOWNException)
            String w = word.chars().noneMatch(Character::isLowerCase) ? word.toLowerCase(java.util.Locale.ROOT) : word;
            stem.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        // not typeName(): that would make "class" ClassModel; only the whole exception name must avoid java.lang
        return stem.length() == 0 ? "Empty" : Character.isJavaIdentifierStart(stem.charAt(0)) ? stem.toString() : "_" + stem;
    }

    public static String exceptionSuffix() {
        return "Exception";
    }

    /** {@code InvalidData} → {@code InvalidDataException}. */
    public static String exceptionClass(String stem) {
        return stem + exceptionSuffix();
    }
}
