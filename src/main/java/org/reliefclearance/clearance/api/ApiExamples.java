package org.reliefclearance.clearance.api;

/** Request examples shown in the OpenAPI document. */
final class ApiExamples {

    static final String NOTIFICATION = """
            {
              "portOfEntry": "WATTAY",
              "expectedArrival": "2026-03-02T09:30:00+07:00",
              "transportDocumentType": "AIR_WAYBILL",
              "transportDocumentNumber": "157-12345675",
              "donor": "ECHO",
              "provisionalDeclaration": false,
              "lines": [
                {
                  "description": "Oral rehydration salts, sachets",
                  "hsCode": "300490",
                  "category": "MEDICINE",
                  "quantity": 20000,
                  "unit": "sachet",
                  "valueUsd": 4200.00,
                  "grossWeightKg": 380.5
                },
                {
                  "description": "Family tents, 16 m2",
                  "hsCode": "630622",
                  "category": "SHELTER",
                  "quantity": 150,
                  "unit": "piece",
                  "valueUsd": 27000.00,
                  "grossWeightKg": 4200
                }
              ]
            }""";

    /** The two lines of {@link #NOTIFICATION}: the salts went to two places in Attapeu, the tents to Champasak. */
    static final String DISTRIBUTION_REPORT = """
            {
              "report": "Distributed with the provincial disaster committees, 3-9 March: 1,200 households.",
              "distributedQuantities": [
                {"lineNo": 1, "quantity": 12000, "province": "LA-AT", "place": "Sanamxay district, Ban Hinlat camp"},
                {"lineNo": 1, "quantity": 8000, "province": "LA-AT", "place": "Samakkhixay district"},
                {"lineNo": 2, "quantity": 150, "province": "LA-CH", "place": "Pathoumphone district"}
              ]
            }""";

    private ApiExamples() {
    }
}
