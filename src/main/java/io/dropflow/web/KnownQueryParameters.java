package io.dropflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * does not have ({@code ?days=30}) would otherwise answer everything, as if it had been applied. Only reads are
 * checked: a partner's webhook is never refused for its URL, and what a {@code POST} reads is in its body.
 * A handler that binds whatever comes (a map of parameters, a form object) is not checked.
 */
@Configuration
class KnownQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    /** Per handler method: the names it reads, or null when it binds whatever comes. */
    private final Map<java.lang.reflect.Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && HttpMethod.GET.matches(request.getMethod())) {
            check(request, method);
        }
        return true;
    }

    private void check(HttpServletRequest request, HandlerMethod method) {
        Set<String> takes = known.computeIfAbsent(method.getMethod(), m -> namesRead(method));
        if (takes.contains(ANY)) {
            return;
        }
        // A GET's parameters are its query's (Tomcat reads a form body for a POST only)
        Set<String> unknown = new TreeSet<>(Collections.list(request.getParameterNames()));
        unknown.removeAll(takes);
        if (unknown.isEmpty()) {
            return;
        }
        String offered = takes.isEmpty() ? "takes no query parameters" : "takes " + String.join(", ", new TreeSet<>(takes));
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        for (String name : unknown) {
            errors.add(new InvalidRequest.FieldError(name, "is not a query parameter of this endpoint, which " + offered));
        }
        throw new InvalidRequest(errors);
    }

    /** Stands for "whatever comes": a handler with a map of parameters or a form object. */
    private static final String ANY = "*";

    static Set<String> namesRead(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (Pageable.class.isAssignableFrom(type)) {
                names.addAll(List.of(ReadablePages.PAGE, ReadablePages.SIZE, "sort"));
            } else if (Sort.class.isAssignableFrom(type)) {
                names.add("sort");
            } else if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.ModelAttribute.class)) {
                return Set.of(ANY);
            } else if (requestParam != null) {
                if (Map.class.isAssignableFrom(type) && requestParam.name().isEmpty()) {
                    return Set.of(ANY);
                }
                names.add(requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name());
            } else if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)
                    || parameter.hasParameterAnnotation(CookieValue.class)
                    || parameter.hasParameterAnnotation(RequestAttribute.class)
                    || parameter.getParameterAnnotations().length > 0 && !BeanUtils.isSimpleProperty(type)) {
                continue; // read from elsewhere, or by a resolver of its own (the caller, a page's most rows)
            } else if (BeanUtils.isSimpleProperty(type)) {
                names.add(parameter.getParameterName()); // Spring reads an unannotated simple value as a parameter
            } else if (boundAsForm(type)) {
                return Set.of(ANY);
            }
        }
        return Collections.unmodifiableSet(names);
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
