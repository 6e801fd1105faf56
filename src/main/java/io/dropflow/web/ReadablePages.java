package io.dropflow.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page of every list endpoint, read by Spring Data once {@code page} and {@code size} are what they
 * say: Spring Data on its own puts its default in place of a page or size that is not a number, is
 * negative, is 0 or is too big, and answers a page the caller did not ask for. Here each such value is a
 * 400 naming it, as the orders list answers; so is a page whose first row lies beyond what a query can
 * skip (page × size above 2^31 - 1), rather than a failure at the database. Our lists use Spring Data's
 * default names, {@code page} (from 0) and {@code size}.
 */
@Configuration
class ReadablePages implements WebMvcConfigurer {

    static final String PAGE = "page";
    static final String SIZE = "size";

    private final PageableHandlerMethodArgumentResolver pages;

    ReadablePages(PageableHandlerMethodArgumentResolver pages) {
        this.pages = pages;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        // First, so that Spring Data's own resolver (also in this list) never answers alone.
        resolvers.add(0, new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return pages.supportsParameter(parameter);
            }

            @Override
            public Pageable resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                String page = request.getParameter(PAGE);
                String size = request.getParameter(SIZE);
                MostRows most = parameter.getParameterAnnotation(MostRows.class);
                checked(page, size, most == null ? null : most.value());
                return readable(pages.resolveArgument(parameter, mav, request, binders), size);
            }
        });
    }

    /**
     * {@code page} and {@code size} as sent (null or blank: left out, the list's default): numbers in range,
     * a size no more than {@code mostRows} when the list says ({@link MostRows}), or a 400 naming each.
     */
    static void checked(String page, String size, Integer mostRows) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        Long pageNumber = number(PAGE, page, errors);
        if (pageNumber != null && pageNumber < 0) {
            errors.add(new InvalidRequest.FieldError(PAGE, "must not be negative (the first page is 0), was " + page));
        } else if (pageNumber != null && pageNumber > Integer.MAX_VALUE) {
            errors.add(new InvalidRequest.FieldError(PAGE, "must be from 0 to " + Integer.MAX_VALUE + ", was " + page));
        }
        Long sizeNumber = number(SIZE, size, errors);
        if (sizeNumber != null && (sizeNumber < 1 || mostRows != null && sizeNumber > mostRows)) {
            errors.add(new InvalidRequest.FieldError(SIZE, mostRows == null ? "must be at least 1, was " + size
                    : "must be from 1 to " + mostRows + ", was " + size));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static Long number(String name, String value, List<InvalidRequest.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            // Beyond a long, it is far beyond any page or size too.
            errors.add(new InvalidRequest.FieldError(name, value.trim().matches("[+-]?\\d+")
                    ? (name.equals(PAGE) ? "must be from 0 to " + Integer.MAX_VALUE : "is too big") + ", was " + value
                    : "must be a number, was " + value));
            return null;
        }
    }

    static Pageable readable(Pageable page) {
        return readable(page, null);
    }

    /**
     * The page Spring Data read: refused when it holds fewer rows than the {@code size} sent (Spring Data
     * caps a size at its most) or starts beyond the last row a query can read.
     */
    static Pageable readable(Pageable page, String size) {
        if (page.isPaged() && size != null && !size.isBlank() && Long.parseLong(size.trim()) > page.getPageSize()) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError(SIZE, "must be at most "
                    + page.getPageSize() + ", was " + size)));
        }
        if (page.isPaged() && page.getOffset() > Integer.MAX_VALUE) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError(PAGE, "starts at row " + page.getOffset()
                    + " (page " + page.getPageNumber() + " of " + page.getPageSize() + " rows), beyond the last row "
                    + "that can be read (" + Integer.MAX_VALUE + "); ask for a smaller page")));
        }
        return page;
    }
}
