package io.yizhan.station.shared.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC quotes table and column names by default; the migrations create them unquoted,
 * which H2 upper-cases and PostgreSQL lower-cases. Unquoted names in the aggregates' SQL match both.
 */
@Configuration(proxyBeanMethods = false)
class UnquotedIdentifiers {

    @Bean
    static BeanPostProcessor unquotedRelationalNames() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
