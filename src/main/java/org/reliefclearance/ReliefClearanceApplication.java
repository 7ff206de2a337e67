package org.reliefclearance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReliefClearanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReliefClearanceApplication.class, args);
    }
}
