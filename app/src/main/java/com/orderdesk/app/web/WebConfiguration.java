package com.orderdesk.app.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.app.security.CurrentActorResolver;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Money;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {
    static {
        // the actor comes from the session, never from the request: keep it out of the OpenAPI document
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        // so does the signed-in guest's own address
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(com.orderdesk.shared.value.SignedInEmail.class);
        // Money travels as {"value":"400.00","currency":"RUB"} (its own serializer), not as its Java fields
        // (one named schema, ApiContract.MONEY, so clients get one Money type)
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, new io.swagger.v3.oas.models.media.Schema<>()
                .$ref("#/components/schemas/" + ApiContract.MONEY));
    }

    private final CurrentActorResolver actorResolver;

    public WebConfiguration(CurrentActorResolver actorResolver) {
        this.actorResolver = actorResolver;
    }

    /** Before security and everything else that could read a body. */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ObjectMapper json) {
        org.springframework.boot.web.servlet.FilterRegistrationBean<BodySizeLimit> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new BodySizeLimit(json));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(actorResolver);
    }

    /**
     * Request bodies are read strictly: an unknown field, a number where text belongs or a fraction where an
     * integer belongs is a 400, not silently ignored. (Stored events keep the lenient shared mapper.)
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                ObjectMapper strict = jackson.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
                jackson.setObjectMapper(strict);
            }
        }
    }
}
