package com.ticketing.mode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the log what this instance does, so operators can tell instances apart. */
@Component
class ModeAnnouncement {

  private static final Logger log = LoggerFactory.getLogger(ModeAnnouncement.class);

  private final Environment environment;

  ModeAnnouncement(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    TicketingMode mode = TicketingMode.parse(environment.getProperty("ticketing.mode", "all"));
    log.info(
        "ticketing.mode={}: REST {}, Temporal workers {}, inbound payment.try listener on",
        mode.name().toLowerCase(),
        mode == TicketingMode.WORKER ? "off" : "on",
        mode == TicketingMode.API ? "off" : "on");
  }
}
