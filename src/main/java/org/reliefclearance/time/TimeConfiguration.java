package org.reliefclearance.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock and one zone for the whole service ({@code relief.time-zone}, Asia/Vientiane by default). */
@Configuration
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${relief.time-zone}") ZoneId zone) {
        return new EngineClock(zone);
    }
}
