package io.dropflow.web;

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
 * The page of every list endpoint, read by Spring Data and refused when its first row lies beyond what a
 * query can skip (page × size above 2^31 - 1): a 400 naming {@code page}, not a failure at the database.
 */
@Configuration
class ReadablePages implements WebMvcConfigurer {

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
                return readable(pages.resolveArgument(parameter, mav, request, binders));
            }
        });
    }

    static Pageable readable(Pageable page) {
        if (page.isPaged() && page.getOffset() > Integer.MAX_VALUE) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("page", "starts at row " + page.getOffset()
                    + " (page " + page.getPageNumber() + " of " + page.getPageSize() + " rows), beyond the last row "
                    + "that can be read (" + Integer.MAX_VALUE + "); ask for a smaller page")));
        }
        return page;
    }
}
