package org.reliefclearance.recognition;

/** MoLSW's answer to an application for recognition. */
public enum RecognitionDecision {
    /** Recognised for as long as a national emergency is in force. */
    RECOGNISE,
    /** Refused, with a reason the organisation is told. */
    REFUSE
}
