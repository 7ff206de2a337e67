package org.reliefclearance.recognition;

/**
 * What an organisation not yet registered sends to apply for recognition during an emergency: who it
 * is, whom to contact, and the user account it wants for the portal and /api.
 */
public record RecognitionApplication(String name, String kind, String country, String counterpartMinistry,
                                     String contactName, String contactEmail, String contactPhone,
                                     String username, String email, String password) {
}
