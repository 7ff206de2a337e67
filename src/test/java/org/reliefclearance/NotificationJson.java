package org.reliefclearance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pre-arrival notifications as an organisation's system posts them, for the API, load and cluster tests. */
public final class NotificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {
    }

    /** Needs the Ministry of Health (Food and Drug Department). */
    public static ObjectNode oralRehydrationSalts() {
        return line("Oral rehydration salts", "300490", "MEDICINE", 20000, "sachet", 4200.00);
    }

    /** Needs the Ministry of Agriculture (Department of Agriculture). */
    public static ObjectNode vegetableSeeds() {
        return line("Vegetable seeds for sowing", "120991", "SEEDS_PLANTS", 500, "kg", 3500.00);
    }

    /** Needs the Ministry of Technology and Communications. */
    public static ObjectNode handheldRadios() {
        return line("VHF handheld radios", "851762", "TELECOM_EQUIPMENT", 40, "piece", 9000.00);
    }

    /** Relief exempt: no ministry reviews it. */
    public static ObjectNode familyTents() {
        return line("Family tents", "630622", "SHELTER", 150, "piece", 27000.00);
    }

    /** By air to Wattay in three days, donated by ECHO, full declaration. */
    public static ObjectNode byAirToWattay(String airWaybill, ObjectNode... lines) {
        ObjectNode n = JSON.createObjectNode();
        n.put("portOfEntry", "WATTAY");
        n.put("destinationProvince", "LA-VT");
        n.put("expectedArrival", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(3).withNano(0).toString());
        n.put("transportDocumentType", "AIR_WAYBILL");
        n.put("transportDocumentNumber", airWaybill);
        n.put("donor", "ECHO");
        n.put("provisionalDeclaration", false);
        ArrayNode array = n.putArray("lines");
        for (ObjectNode line : lines) {
            array.add(line);
        }
        return n;
    }

    private static ObjectNode line(String description, String hsCode, String category, int quantity, String unit,
                                   double valueUsd) {
        return JSON.createObjectNode().put("description", description).put("hsCode", hsCode).put("category", category)
                .put("quantity", quantity).put("unit", unit).put("valueUsd", valueUsd);
    }

    /** Sets (or with null, removes) the value at a slash-separated path such as lines/0/hsCode. */
    public static void set(ObjectNode body, String path, Object value) {
        String[] steps = path.split("/");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        ObjectNode target = (ObjectNode) parent;
        String name = steps[steps.length - 1];
        if (value == null) {
            target.remove(name);
        } else if (value instanceof Integer number) {
            target.put(name, number);
        } else if (value instanceof String text && text.matches("-?\\d+\\.\\d+")) {
            target.put(name, new BigDecimal(text));
        } else {
            target.put(name, value.toString());
        }
    }
}
