package com.ticketing.database;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bounds how long one statement may wait for a row lock ({@code ticketing.database.lock-wait-timeout},
 * default PT3S; InnoDB's own default is 50 s). With the pool's connection timeout and the
 * transaction timeout it keeps an activity attempt from outliving its Temporal timeout unseen.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseTimeoutsConfiguration {

  public static final String LOCK_WAIT_PROPERTY = "ticketing.database.lock-wait-timeout";
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(3);

  /** Static, and bound by hand: a post-processor must not pull other beans in early. */
  @Bean
  static BeanPostProcessor lockWaitTimeoutOnEveryConnection(Environment environment) {
    long seconds = Math.max(1, lockWaitTimeout(environment).toSeconds());
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
          pool.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + seconds);
        }
        return bean;
      }
    };
  }

  public static Duration lockWaitTimeout(Environment environment) {
    return Binder.get(environment).bind(LOCK_WAIT_PROPERTY, Duration.class).orElse(DEFAULT_LOCK_WAIT);
  }
}
