package io.dropflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter our API does not read is a 400 naming it and the parameters the endpoint takes, on every
 * {@code GET} under {@code /api}: a list asked with a misspelt filter ({@code ?statuss=SHIPPED}) or a filter it
 * does not have ({@code ?days=30}) would otherwise answer everything, as if it had been applied. So is one given
 * twice that takes one value ({@code ?size=1&size=500}): Spring would take the first and drop the other. So is one
 * given empty or blank ({@code ?storefrontOrderId=}, {@code ?size=}): Spring reads it as not given, and a list answered
 * every order, or its default page size, where another list filtered on the empty text. Only reads are
 * checked, and none under {@code /api/webhooks}: a partner is never refused for its URL (a portal's cache-buster on
 * an application it reads), and what a {@code POST} reads is in its body.
 * A handler that binds whatever comes (a map of parameters, a form object) is not checked.
 */
@Configuration
class KnownQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    /** Per handler method: the names it reads, each with whether it takes several values. */
    private final Map<java.lang.reflect.Method, Map<String, Boolean>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/webhooks/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && HttpMethod.GET.matches(request.getMethod())) {
            check(request, method);
        }
        return true;
    }

    private void check(HttpServletRequest request, HandlerMethod method) {
        Map<String, Boolean> takes = known.computeIfAbsent(method.getMethod(), m -> namesRead(method));
        if (takes.containsKey(ANY)) {
            return;
        }
        String offered = takes.isEmpty() ? "takes no query parameters" : "takes " + String.join(", ", new TreeSet<>(takes.keySet()));
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        // A GET's parameters are its query's (Tomcat reads a form body for a POST only)
        for (String name : new TreeSet<>(Collections.list(request.getParameterNames()))) {
            Boolean many = takes.get(name);
            int given = request.getParameterValues(name).length;
            if (many == null) {
                errors.add(new InvalidRequest.FieldError(name, "is not a query parameter of this endpoint, which " + offered));
            } else if (!many && given > 1) {
                // Spring would take the first and drop the others without a word
                errors.add(new InvalidRequest.FieldError(name, "is given " + given + " times; it takes one value"));
            } else if (java.util.Arrays.stream(request.getParameterValues(name)).anyMatch(String::isBlank)) {
                // Spring reads an empty value as none: a filter dropped (every order), a page size replaced by the default
                errors.add(new InvalidRequest.FieldError(name, "must not be empty; to not use it, leave it out"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** Stands for "whatever comes": a handler with a map of parameters or a form object. */
    private static final String ANY = "*";

    /** The query parameters the method reads, each with whether it takes several values (a list, a sort). */
    static Map<String, Boolean> namesRead(HandlerMethod method) {
        Map<String, Boolean> names = new java.util.TreeMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (Pageable.class.isAssignableFrom(type)) {
                names.put(ReadablePages.PAGE, false);
                names.put(ReadablePages.SIZE, false);
                names.put("sort", true);
            } else if (Sort.class.isAssignableFrom(type)) {
                names.put("sort", true);
            } else if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.ModelAttribute.class)) {
                return Map.of(ANY, true);
            } else if (requestParam != null) {
                if (Map.class.isAssignableFrom(type) && requestParam.name().isEmpty()) {
                    return Map.of(ANY, true);
                }
                names.put(requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name(),
                        type.isArray() || java.util.Collection.class.isAssignableFrom(type));
            } else if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)
                    || parameter.hasParameterAnnotation(CookieValue.class)
                    || parameter.hasParameterAnnotation(RequestAttribute.class)
                    || parameter.getParameterAnnotations().length > 0 && !BeanUtils.isSimpleProperty(type)) {
                continue; // read from elsewhere, or by a resolver of its own (the caller, a page's most rows)
            } else if (BeanUtils.isSimpleProperty(type)) {
                names.put(parameter.getParameterName(), type.isArray()); // Spring reads an unannotated simple value as a parameter
            } else if (boundAsForm(type)) {
                return Map.of(ANY, true);
            }
        }
        return Collections.unmodifiableMap(names);
    }

    /**
     * Whether Spring binds request parameters onto this unannotated type (a form object of ours); the caller,
     * the request, a locale and the like come from resolvers of their own.
     */
    private static boolean boundAsForm(Class<?> type) {
        String name = type.getName();
        return !type.isInterface() && !name.startsWith("java.") && !name.startsWith("jakarta.")
                && !name.startsWith("org.springframework.");
    }
}
