package org.reliefclearance.recognition;

/**
 * What an organisation not yet registered sends to apply for recognition during an emergency: who it
 * is, whom to contact, and the e-mail and password of its first account for the portal and /api (the
 * service names the account, so an application cannot probe which user names exist).
 */
public record RecognitionApplication(String name, String kind, String country, String counterpartMinistry,
                                     String contactName, String contactEmail, String contactPhone,
                                     String email, String password) {
}
