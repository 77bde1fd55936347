package com.ticketing.security;

import com.ticketing.admin.AdminProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Always: the operator API needs the viewer role to read and the operator role
 * to decide; health details and the other actuator endpoints (Prometheus's scrape) need one of
 * them, the probes nothing. The buyer API is open with
 * {@code ticketing.security.buyers=none} and needs a buyer JWT with {@code jwt}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties security, AdminProperties tokens)
      throws Exception {
    ProblemResponses problems = new ProblemResponses();
    http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing a browser could replay
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .addFilterBefore(new OperatorTokenFilter(tokens), AnonymousAuthenticationFilter.class)
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            requests -> {
              requests
                  .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                  .requestMatchers("/error").permitAll()
                  // Open, without details for anonymous callers (management.endpoint.health.show-details).
                  .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                  // Metrics tell business volume and outcomes: a viewer's read, like the operator API.
                  .requestMatchers("/actuator/**").hasAnyRole(Roles.VIEWER, Roles.OPERATOR)
                  // The REST contract is public, the operator API's part too: it says what each call
                  // needs, and the calls themselves stay behind the rules below.
                  .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                  .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole(Roles.VIEWER, Roles.OPERATOR)
                  .requestMatchers("/api/admin/**").hasRole(Roles.OPERATOR);
              if (security.buyersNeedJwt()) {
                requests.requestMatchers("/api/**").hasRole(Roles.BUYER);
              }
              requests.anyRequest().permitAll();
            });
    if (security.buyersNeedJwt()) {
      JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
      roles.setJwtGrantedAuthoritiesConverter(new BuyerJwtAuthorities());
      http.oauth2ResourceServer(
          server ->
              server
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems)
                  .jwt(jwt -> jwt.decoder(BuyerJwtDecoder.from(security.jwt())).jwtAuthenticationConverter(roles)));
    }
    return http.build();
  }

  /** No password logins: without this, Spring Boot would make a user with a generated password. */
  @Bean
  UserDetailsService noPasswordUsers() {
    return username -> {
      throw new UsernameNotFoundException("this service has no password users");
    };
  }
}
