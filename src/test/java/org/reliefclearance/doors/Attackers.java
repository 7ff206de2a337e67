package org.reliefclearance.doors;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.reliefclearance.doors.EngineClient.Door;

/** The demo users of every role, and the engine REST bodies the attacks send. */
public final class Attackers {

    /**
     * One user per role (and a second organisation and port, for cross-organisation and cross-port attempts).
     * The organisations' members may sign in to no webapp: at the webapps' door they come with the session
     * of Camunda's welcome page, which every user gets ({@link EngineClient}).
     */
    static final List<String> USERS = List.of("wfp", "laoredcross", "molsw", "customs", "port-wattay",
            "port-thanaleng", "moh", "mtc", "mtc-head", "coordinator", "owner");

    private Attackers() {
    }

    /** Every user, one per role. */
    public static Stream<String> users() {
        return USERS.stream();
    }

    /** Every user through both doors of the engine REST API. */
    static Stream<Arguments> everyUserThroughEveryDoor() {
        return Stream.of(Door.values()).flatMap(door -> USERS.stream().map(user -> Arguments.of(door, user)));
    }

    static Stream<Door> doors() {
        return Stream.of(Door.values());
    }

    /** A typed engine REST variable, {"value": ..., "type": ...}. */
    static Map<String, Object> variable(Object value) {
        String type = value instanceof Boolean ? "Boolean" : value instanceof Integer || value instanceof Long ? "Long"
                : value instanceof Number ? "Double" : "String";
        return Map.of("value", value, "type", type);
    }

    /** Engine REST variables from alternating names and values. */
    static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], variable(namesAndValues[i + 1]));
        }
        return variables;
    }

    /**
     * What the Tasklist start form of a one-line notification submits, every value valid: a MoLSW
     * official's, on WFP's behalf.
     */
    static Map<String, Object> validStartForm() {
        String arrival = LocalDate.now(ZoneId.of("Asia/Vientiane")).plusDays(3) + "T10:30";
        return variables("organisation", "WFP", "portCode", "WATTAY", "destinationProvince", "LA-VT",
                "expectedArrival", arrival, "transportDocumentType", "AIR_WAYBILL",
                "transportDocumentNumber", "176-00000001", "donor", "Attack suite", "provisionalDeclaration", false,
                "line1Description", "Family tents", "line1HsCode", "630622", "line1Category", "SHELTER",
                "line1Quantity", 10, "line1Unit", "PCS", "line1ValueUsd", 1500, "addLine2", false);
    }

    static Map<String, Object> startForm(Map<String, Object> overrides) {
        Map<String, Object> form = new LinkedHashMap<>(validStartForm());
        form.putAll(overrides);
        return form;
    }
}
