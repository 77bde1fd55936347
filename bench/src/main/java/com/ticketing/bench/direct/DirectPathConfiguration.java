package com.ticketing.bench.direct;

import com.ticketing.chaos.Chaos;
import com.ticketing.chaos.ChaosProperties;
import com.ticketing.outbox.OutboxSignal;
import com.ticketing.outbox.OutboxTraceContext;
import com.ticketing.outbox.SagaOutbox;
import com.ticketing.payment.PaymentProgress;
import com.ticketing.payment.PaymentTransaction;
import com.ticketing.payment.PaymentTransactionActivitiesImpl;
import com.ticketing.points.PointsActivitiesImpl;
import com.ticketing.points.PointsService;
import com.ticketing.points.UserAccount;
import com.ticketing.reservation.Reservation;
import com.ticketing.reservation.ReservationActivitiesImpl;
import com.ticketing.reservation.ReservationProperties;
import com.ticketing.reservation.ReservationService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Only the beans a happy saga's steps use: the service's activity implementations and what they
 * need (repositories, a datasource, a Kafka producer). Deliberately no component scan: the inbound
 * payment.try listener, the saga starter and any Temporal worker stay out of this JVM, where they
 * would take the service's messages and tasks.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableConfigurationProperties({ChaosProperties.class, ReservationProperties.class})
@EntityScan(basePackageClasses = {UserAccount.class, Reservation.class, PaymentTransaction.class})
@EnableJpaRepositories(basePackageClasses = {UserAccount.class, Reservation.class, PaymentTransaction.class})
@Import({
  Chaos.class,
  PointsService.class,
  PointsActivitiesImpl.class,
  ReservationService.class,
  ReservationActivitiesImpl.class,
  PaymentProgress.class,
  PaymentTransactionActivitiesImpl.class,
  SagaOutbox.class,
  OutboxTraceContext.class,
  OutboxSignal.class,
  PollingRowWriter.class
})
class DirectPathConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
