package org.reliefclearance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// the customs hand-off worker polls its external tasks on a schedule
@EnableScheduling
public class ReliefClearanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReliefClearanceApplication.class, args);
    }
}
