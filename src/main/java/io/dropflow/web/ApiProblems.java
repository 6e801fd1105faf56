package io.dropflow.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as RFC 7807 problem details that say what is wrong. Features' own refusals
 * are {@link ApiProblem}s and render themselves; this class adds the field list of invalid input,
 * concurrent changes, and a reference (never internals) for our own bugs.
 */
@RestControllerAdvice(basePackages = "io.dropflow")
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private static final URI INVALID = URI.create("https://dropflow.io/problems/invalid-request");

    /**
     * Whether an unreadable body's answer quotes the parser's own message (class names, internals):
     * {@code dropflow.api.error-details}, off by default; the answer then names the field and position.
     */
    private final boolean errorDetails;

    ApiProblems(@org.springframework.beans.factory.annotation.Value("${dropflow.api.error-details:false}")
            boolean errorDetails) {
        this.errorDetails = errorDetails;
    }

    /**
     * Spring's own refusals (a missing header, a missing path variable, an async timeout, …) are problem details of
     * type {@code about:blank}: each gets the type and title of its status ({@link ProblemTypes}), as ours have one.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemTypes.complete(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidRequest.FieldError> errors = new java.util.ArrayList<>();
        Object target = e.getBindingResult().getTarget();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(
                new InvalidRequest.FieldError(callerField(target, f.getField()), String.valueOf(f.getDefaultMessage()))));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                new InvalidRequest.FieldError(g.getObjectName(), String.valueOf(g.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(new InvalidRequest(errors).getBody());
    }

    /**
     * The field as the caller sent it. A rule over several fields is an {@code @AssertTrue} method
     * ({@code isExchangeComplete()}), which bean validation names as a property the caller never
     * sent ({@code exchangeComplete}): its message names the fields, and the error is the object's
     * whose fields they are ({@code lines[0]}, or the request's: no field).
     */
    static String callerField(Object target, String path) {
        if (target == null || path == null || path.isEmpty()) {
            return path;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf(']'));
        String parent = cut < 0 ? "" : path.substring(0, path.charAt(cut) == '.' ? cut : cut + 1);
        String property = path.substring(cut + 1);
        try {
            org.springframework.beans.BeanWrapper bean = new org.springframework.beans.BeanWrapperImpl(target);
            Object owner = parent.isEmpty() ? target : bean.getPropertyValue(parent);
            if (owner == null || property.isEmpty()) {
                return path;
            }
            java.beans.PropertyDescriptor descriptor = org.springframework.beans.BeanUtils
                    .getPropertyDescriptor(owner.getClass(), property);
            boolean derived = descriptor != null && descriptor.getReadMethod() != null
                    && descriptor.getReadMethod().isAnnotationPresent(jakarta.validation.constraints.AssertTrue.class)
                    && org.springframework.util.ReflectionUtils.findField(owner.getClass(), property) == null;
            return derived ? (parent.isEmpty() ? null : parent) : path;
        } catch (org.springframework.beans.BeansException notAPath) {
            return path;
        }
    }

    /** A request parameter out of its range (?days=400), each one named. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidRequest.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(error -> new InvalidRequest.FieldError(
                        String.valueOf(r.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(new InvalidRequest(errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
            }
        }
        ProblemDetail unreadable = unreadableAsItIs(e);
        if (unreadable != null) {
            return ResponseEntity.badRequest().body(unreadable);
        }
        InvalidRequest.FieldError tooLong = beyondTheParsersLimits(e);
        if (tooLong != null) {
            return ResponseEntity.badRequest().body(new InvalidRequest(List.of(tooLong)).getBody());
        }
        InvalidRequest.FieldError duplicate = duplicateKey(e);
        if (duplicate != null) {
            return ResponseEntity.badRequest().body(new InvalidRequest(List.of(duplicate)).getBody());
        }
        InvalidRequest.FieldError misfit = misfit(e);
        if (misfit != null) {
            // Valid JSON, but a value that does not fit its field: 1.5 pieces, "EXPLODED" as a claim type.
            ProblemDetail problem = new InvalidRequest(List.of(misfit)).getBody();
            if (errorDetails) {
                problem.setDetail(problem.getDetail() + ": " + rootMessage(e));
            }
            return ResponseEntity.badRequest().body(problem);
        }
        boolean missing = e.getCause() == null && String.valueOf(e.getMessage()).startsWith("Required request body is missing");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, missing
                ? "the request has no body; this endpoint needs one"
                : "the request body is not valid JSON for this endpoint" + where(e)
                        + (errorDetails ? ": " + rootMessage(e) : ""));
        problem.setType(INVALID);
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A query or path parameter that is not of its type ({@code ?status=FOO}, {@code ?days=abc}): a
     * 400 naming it, with the values allowed when there are few.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(e.getPropertyName());
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()
                : type != null && Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type))
                        ? numberMisfit(type, e.getValue())
                        : "is not a valid " + (type == null ? "value" : type.getSimpleName());
        return ResponseEntity.badRequest().body(new InvalidRequest(List.of(new InvalidRequest.FieldError(name, message)))
                .getBody());
    }

    /**
     * What is wrong with a query or path parameter that is not a number of its type: a whole number too large for it
     * ({@code /api/orders/99999999999999999999999}) says so, as a body's field does, not that it is no number.
     */
    private static String numberMisfit(Class<?> type, Object value) {
        Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
        String most = boxed == Integer.class ? String.valueOf(Integer.MAX_VALUE)
                : boxed == Long.class ? String.valueOf(Long.MAX_VALUE)
                : boxed == Short.class ? String.valueOf(Short.MAX_VALUE) : null;
        if (most != null && value instanceof String text && text.matches("[+-]?[0-9]{1,1000}")) {
            return "is a number beyond what this parameter takes (at most " + most + ")";
        }
        return "must be a number";
    }

    /** A required query parameter left out ({@code ?base=EUR} without {@code quote}): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(new InvalidRequest(List.of(new InvalidRequest.FieldError(
                e.getParameterName(), "is required"))).getBody());
    }

    /**
     * A JSON part of a multipart request sent without its own Content-Type (as an HTML form and many clients send a
     * field: {@code -F 'claim={…}'}), or with another: a 415 naming the part and the type it needs. Before, Spring's
     * "Content-Type 'application/octet-stream' is not supported", naming neither. Any other content type not taken
     * keeps Spring's answer.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String part = jsonPartNotSentAsJson(request);
        if (part == null && UnmatchedRequests.noContentType(e) != null) {
            ResponseEntity<ProblemDetail> refused = UnmatchedRequests.problemOf(e);
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders()).body(refused.getBody());
        }
        if (part == null) {
            return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
        }
        String sent = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                ? partType(servlet.getRequest(), part) : null;
        ProblemDetail problem = ProblemTypes.complete(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "the part \"" + part + "\" must be JSON with its own Content-Type application/json; it came "
                        + (sent == null || sent.isEmpty() ? "without one (read as application/octet-stream)" : "as " + sent)
                        + ". With curl: -F '" + part + "=<its JSON>;type=application/json'"));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    /** The first part the endpoint reads as JSON whose own type is not JSON; null if none, or not multipart. */
    private static String jsonPartNotSentAsJson(WebRequest request) {
        if (!(request instanceof org.springframework.web.context.request.ServletWebRequest servlet)
                || servlet.getRequest().getContentType() == null
                || !servlet.getRequest().getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                || !(servlet.getRequest().getAttribute(org.springframework.web.servlet.HandlerMapping
                        .BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof org.springframework.web.method.HandlerMethod handler)) {
            return null;
        }
        for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
            org.springframework.web.bind.annotation.RequestPart annotation = parameter
                    .getParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class);
            Class<?> type = parameter.getNestedParameterType();
            if (annotation == null || org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(type)
                    || jakarta.servlet.http.Part.class.isAssignableFrom(type)) {
                continue;
            }
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            String sent = name == null ? null : partType(servlet.getRequest(), name);
            if (sent != null && (sent.isEmpty() || !jsonType(sent))) {
                return name;
            }
        }
        return null;
    }

    private static boolean jsonType(String type) {
        try {
            return org.springframework.http.MediaType.parseMediaType(type).getSubtype().matches("json|.*\\+json");
        } catch (IllegalArgumentException notAType) {
            return false;
        }
    }

    /** The Content-Type a part came with: "" without one, null for no such part. */
    private static String partType(jakarta.servlet.http.HttpServletRequest request, String name) {
        try {
            jakarta.servlet.http.Part part = request.getPart(name);
            return part == null ? null : part.getContentType() == null ? "" : part.getContentType();
        } catch (java.io.IOException | jakarta.servlet.ServletException | RuntimeException notMultipart) {
            return null;
        }
    }

    /** A required part of a multipart request left out (a claim's {@code claim} part): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(new InvalidRequest(List.of(new InvalidRequest.FieldError(
                e.getRequestPartName(), "is required (a part of the multipart request)"))).getBody());
    }

    /** A body without a length read past {@code dropflow.api.max-body-size} by an endpoint that reads it itself. */
    @ExceptionHandler(RequestBodyLimit.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimit.TooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(e.problem());
    }

    /** Two writers met (e.g. two webhooks for one purchase order at the same instant): the caller may retry. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyFailureException e) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_CHANGE,
                "Concurrent change", "the same data was being changed at the same time; nothing was changed, please retry");
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /** Logged in, but not in a group that may do this (e.g. an operator changing the catalog). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "your groups may not do this; ask a supervisor");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /** Our bug, not the caller's: say so without leaking internals, and log it with a reference. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
                "Internal error", "unexpected error; nothing was lost, the request can be retried. Reference " + reference);
        problem.setProperty("reference", reference);
        return problem;
    }

    /**
     * A body's field that did not fit (beyond the parser's limits, a key twice, a value that does not fit or a field
     * the request does not have) and what is wrong, as a 400 names it; null for text that is not JSON.
     */
    static InvalidRequest.FieldError fieldError(Throwable e) {
        InvalidRequest.FieldError tooLong = beyondTheParsersLimits(e);
        if (tooLong != null) {
            return tooLong;
        }
        InvalidRequest.FieldError duplicate = duplicateKey(e);
        return duplicate != null ? duplicate : misfit(e);
    }

    /**
     * The field whose value did not fit (valid JSON) and what is wrong, in the caller's own terms; null
     * for JSON that is not valid.
     */
    private static InvalidRequest.FieldError misfit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException) {
                return null;
            }
            // A type mismatch, an unknown enum value, a value a creator refused (an unknown API-key scope)
            if (t instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                return new InvalidRequest.FieldError(field(unknown), "is not a field of this request"
                        + (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty() ? ""
                                : "; its fields are " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                                        .sorted().collect(java.util.stream.Collectors.joining(", "))));
            }
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException mismatch
                    && !mismatch.getPath().isEmpty()) {
                String field = field(mismatch);
                // The only text JsonInput refuses is text with a NUL character.
                boolean nul = mismatch instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format
                        && format.getTargetType() == String.class && format.getValue() instanceof String text
                        && text.indexOf('\u0000') >= 0;
                // A decimal whose exponent puts it beyond any number we take (DecimalInput).
                boolean outOfRange = mismatch instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format
                        && format.getValue() instanceof java.math.BigDecimal decimal && !DecimalInput.fits(decimal);
                String otherType = mismatch instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException input
                        ? otherJsonType(input) : null;
                String allowed = otherType == null ? enumValues(mismatch) : null;
                return new InvalidRequest.FieldError(field, nul ? "must not contain the NUL character (U+0000)"
                        : mismatch instanceof RefusedValue refused ? refused.callerMessage()
                        : outOfRange ? DecimalInput.OUT_OF_RANGE
                        : otherType != null ? otherType
                        : allowed != null ? "must be one of " + allowed
                        : "has a value of the wrong type or not one of those allowed");
            }
        }
        return null;
    }

    /**
     * The values a field of an enum type takes, as JSON writes them ({@code [orders, after-sales, …]} for an API key's
     * scope, whose {@code @JsonValue} is its id), when the value sent is not one of them; null for any other type.
     */
    private static String enumValues(com.fasterxml.jackson.databind.JsonMappingException mismatch) {
        Class<?> type = mismatch instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException input
                ? input.getTargetType()
                : mismatch instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException creator
                        && creator.getType() != null ? creator.getType().getRawClass() : null;
        if (type == null || !type.isEnum()) {
            return null;
        }
        java.lang.reflect.Method jsonValue = java.util.Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)
                        && m.getParameterCount() == 0)
                .findFirst().orElse(null);
        List<String> values = new java.util.ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(String.valueOf(jsonValue == null ? ((Enum<?>) constant).name() : jsonValue.invoke(constant)));
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                return null;
            }
        }
        return values.toString();
    }

    /**
     * What a value of another JSON type than its field's should have been (JsonInput converts none): a
     * number sent as text, text sent as a number, a yes/no sent as text or a number; null for any other
     * misfit.
     */
    private static String otherJsonType(com.fasterxml.jackson.databind.exc.MismatchedInputException input) {
        Class<?> type = input.getTargetType() == null ? Object.class
                : org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(input.getTargetType());
        if (!(input.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser)
                || parser.currentToken() == null || !parser.currentToken().isScalarValue()) {
            return null;
        }
        com.fasterxml.jackson.core.JsonToken sent = parser.currentToken();
        if (sent == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && (type == Integer.class || type == Long.class
                || type == Short.class || type == Byte.class || type == java.math.BigInteger.class)) {
            return "must be a number, sent as a JSON number (1, not \"1\")";
        }
        if (type == Boolean.class && !sent.isBoolean()) {
            return "must be true or false, sent as JSON true or false (not \"true\" or 1)";
        }
        if (type == String.class && (sent.isNumeric() || sent.isBoolean())) {
            String value;
            try {
                value = parser.getText();
            } catch (java.io.IOException | RuntimeException unreadable) {
                value = "1";
            }
            return "must be text, sent as a JSON string (\"" + value + "\", not " + value + ")";
        }
        return null;
    }

    /**
     * A body the parser cannot read for what it is, not for a field's type: more after its JSON value
     * ({@link OneJsonValue}), bytes that are not UTF-8 (a body sent in Latin-1 without saying so: "Köln" was
     * answered "shippingAddress.city has a value of the wrong type"). Null for any other.
     */
    private static ProblemDetail unreadableAsItIs(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OneJsonValue.AfterTheValue after) {
                return unreadable(after.detail());
            }
            if (t instanceof com.fasterxml.jackson.core.JsonParseException parsing
                    && String.valueOf(parsing.getOriginalMessage()).startsWith("Invalid UTF-8")) {
                return unreadable("the request body is not UTF-8" + where(e) + ": "
                        + parsing.getOriginalMessage().replaceFirst("^Invalid", "invalid")
                        + "; send it in UTF-8, or name its charset in the Content-Type"
                        + " (application/json; charset=ISO-8859-1)");
            }
        }
        return null;
    }

    private static ProblemDetail unreadable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID);
        problem.setTitle("Unreadable request body");
        return problem;
    }

    private static final java.util.regex.Pattern LIMIT = java.util.regex.Pattern.compile(
            "^(Number value|String value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /**
     * A value beyond what the JSON parser reads (Jackson's {@code StreamReadConstraints}: a number of more than
     * 1000 digits, a text of more than 20 000 000 characters) or beyond its field's type (an {@code int} of
     * 99999999999), named with its length and the limit: before, "has a value of the wrong type". Null for any other.
     */
    private static InvalidRequest.FieldError beyondTheParsersLimits(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException limit) {
                java.util.regex.Matcher m = LIMIT.matcher(String.valueOf(limit.getOriginalMessage()));
                String what = !m.find() ? null : m.group(1).startsWith("Number") ? "number" : m.group(1).startsWith(
                        "String") ? "text" : "key";
                String message = what == null ? "is beyond what the JSON reader takes ("
                        + limit.getOriginalMessage().replaceAll(",? from `[^`]*`", "") + ")"
                        : "is a " + what + " of " + m.group(2) + (what.equals("number") ? " digits" : " characters")
                        + ", more than the " + m.group(3) + " a " + what + " may have";
                return new InvalidRequest.FieldError(fieldOf(e, limit), message);
            }
            if (t instanceof com.fasterxml.jackson.core.exc.InputCoercionException range
                    && range.getTargetType() != null) {
                Class<?> type = range.getTargetType();
                String most = type == Integer.TYPE || type == Integer.class ? String.valueOf(Integer.MAX_VALUE)
                        : type == Long.TYPE || type == Long.class ? String.valueOf(Long.MAX_VALUE)
                        : type == Short.TYPE || type == Short.class ? String.valueOf(Short.MAX_VALUE) : null;
                return new InvalidRequest.FieldError(fieldOf(e, range), "is a number beyond what this field takes"
                        + (most == null ? "" : " (at most " + most + ")"));
            }
        }
        return null;
    }

    /** The field a parser's error is in: the mapping's path, or where the parser stood. */
    private static String fieldOf(Throwable e, com.fasterxml.jackson.core.JsonProcessingException parsing) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return field(mapping);
            }
        }
        String path = parsing.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser
                ? path(parser.getParsingContext()) : null;
        return path == null || path.isEmpty() ? null : path;
    }

    /**
     * A key that appears twice in one JSON object (JsonInput turns on Jackson's duplicate detection),
     * named where it is ({@code lines[0].quantity}); null for any other unreadable body.
     */
    private static InvalidRequest.FieldError duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException parsing
                    && String.valueOf(parsing.getOriginalMessage()).startsWith("Duplicate field '")) {
                String message = parsing.getOriginalMessage();
                String key = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
                String path = parsing.getProcessor() == null ? key : path(parsing.getProcessor().getParsingContext());
                return StrictJson.twice(path == null || path.isEmpty() ? key : path, key);
            }
        }
        return null;
    }

    /** Where the parser stood, as the caller writes it: lines[0].quantity. */
    private static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            }
        }
        return parts.stream().reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }

    /** Which field and where, in the caller's own terms (never our class names). */
    private static String where(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return " (field " + field(mapping) + ")";
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException parsing && parsing.getLocation() != null) {
                return " (line " + parsing.getLocation().getLineNr() + ", column " + parsing.getLocation().getColumnNr()
                        + ")";
            }
        }
        return "";
    }

    /** The JSON path of a mapping error as the caller writes it: lines[0].quantity. */
    private static String field(com.fasterxml.jackson.databind.JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
