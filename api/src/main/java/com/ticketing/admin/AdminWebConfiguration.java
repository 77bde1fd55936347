package com.ticketing.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the operator token check in front of {@code /api/admin/**}. */
@Configuration(proxyBeanMethods = false)
public class AdminWebConfiguration implements WebMvcConfigurer {

  private final AdminProperties properties;

  public AdminWebConfiguration(AdminProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new OperatorTokenInterceptor(properties.operatorToken()))
        .addPathPatterns("/api/admin/**");
  }
}
