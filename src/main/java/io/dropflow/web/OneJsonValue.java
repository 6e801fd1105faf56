package io.dropflow.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJacksonInputMessage;
import org.springframework.util.StreamUtils;

/**
 * Reads a request body as one JSON value, with our API's reader or a partner's ({@link JsonInput}), and refuses a
 * body with anything but whitespace after that value. Jackson stops at the end of the first value and drops the
 * rest: two orders in one body made the first and lost the second, a partner's second event was acknowledged with
 * a 200 and never applied, {@code {…}]]]} was taken. Webhooks are refused too: what follows may be a second event,
 * and a 2xx would tell the partner it was taken. Writing is Spring's, with the application's mapper.
 */
public class OneJsonValue extends MappingJackson2HttpMessageConverter {

    /** Chooses the reader for this request (ours or a partner's) and the body's type, with a view or none. */
    interface Readers {
        ObjectReader reader(Class<?> view, JavaType type);
    }

    private final Readers readers;

    OneJsonValue(ObjectMapper writing, Readers readers) {
        super(writing);
        this.readers = readers;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return readOne(getJavaType(type, contextClass), input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return readOne(getJavaType(clazz, null), input);
    }

    /** As Spring reads a body (its charset, a {@code @JsonView}), then looks for more after the value. */
    private Object readOne(JavaType type, HttpInputMessage input) throws IOException {
        Class<?> view = input instanceof MappingJacksonInputMessage message ? message.getDeserializationView() : null;
        ObjectReader reader = readers.reader(view, type);
        Charset charset = getCharset(input.getHeaders().getContentType());
        InputStream body = StreamUtils.nonClosing(input.getBody());
        JsonParser parser;
        try {
            parser = unicode(charset) ? reader.createParser(body) : reader.createParser(new InputStreamReader(body, charset));
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
        try (parser) {
            Object value = reader.readValue(parser);
            nothingAfter(parser);
            return value;
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (StreamConstraintsException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), where(parser, e),
                    input);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
    }

    /**
     * {@code text} read as one JSON value with {@code json}, nothing after it but whitespace (the same check as a
     * request body's): for a partner's body recorded as it came and read later. An empty text is a missing node.
     *
     * @throws JsonProcessingException when the text is not JSON, or has more after its value ("more after the JSON
     *     value: {")
     */
    public static com.fasterxml.jackson.databind.JsonNode tree(ObjectMapper json, String text)
            throws JsonProcessingException {
        try (JsonParser parser = json.createParser(text)) {
            com.fasterxml.jackson.databind.JsonNode value = json.readTree(parser);
            if (value == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            nothingAfter(parser);
            return value;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a String is read in memory
        }
    }

    /**
     * A limit of the parser's (a number of 2000 digits) met while it reads a token, outside any field's reading:
     * with the field it stood in as its path, as a value a field refused has ({@code lines[0].quantity}).
     */
    private static JsonMappingException where(JsonParser parser, StreamConstraintsException limit) {
        JsonMappingException located = new JsonMappingException(parser, limit.getOriginalMessage(), limit);
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                located.prependPath(new JsonMappingException.Reference(null, Math.max(c.getCurrentIndex(), 0)));
            } else if (c.getCurrentName() != null) {
                located.prependPath(new JsonMappingException.Reference(null, c.getCurrentName()));
            }
        }
        return located;
    }

    private static boolean unicode(Charset charset) {
        return Arrays.stream(JsonEncoding.values()).anyMatch(e -> e.getJavaName().equals(charset.name()))
                || "UTF-16".equals(charset.name()) || "UTF-32".equals(charset.name());
    }

    private static final Pattern QUOTED = Pattern.compile("'([^']{1,40})'");

    private static void nothingAfter(JsonParser parser) throws IOException {
        JsonToken next;
        try {
            next = parser.nextToken();
        } catch (JsonParseException notJson) {
            String message = String.valueOf(notJson.getOriginalMessage());
            Matcher quoted = QUOTED.matcher(message);
            boolean named = quoted.find();
            String what = named ? quoted.group(1) : "text that is not JSON";
            JsonLocation at = notJson.getLocation();
            if (at != null && named && message.startsWith("Unrecognized token")) {
                // Jackson places an unknown word where it ends: where it starts is where the caller looks.
                at = new JsonLocation(at.contentReference(), at.getByteOffset(), at.getCharOffset(), at.getLineNr(),
                        Math.max(1, at.getColumnNr() - what.length()));
            }
            throw new AfterTheValue(parser, what, at);
        }
        if (next != null) {
            String what = next == JsonToken.START_OBJECT ? "{" : next == JsonToken.START_ARRAY ? "[" : parser.getText();
            throw new AfterTheValue(parser, what.length() > 40 ? what.substring(0, 40) + "…" : what,
                    parser.currentTokenLocation());
        }
    }

    /** More than whitespace after the body's JSON value: what comes first, and where. */
    static final class AfterTheValue extends JsonParseException {

        private final String detail;

        AfterTheValue(JsonParser parser, String what, JsonLocation where) {
            super(parser, "more after the JSON value: " + what, where);
            this.detail = "the request body has more after its JSON value, starting with \"" + what + "\""
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + "; send one JSON value per request (a second order or event in a request of its own)";
        }

        /** The answer's detail: what follows the value, where, and what to do. */
        String detail() {
            return detail;
        }
    }
}
