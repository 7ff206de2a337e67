package org.reliefclearance.reporting;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf writes to its own console handler by default; this sends it to the service's log
 * under its logger names ({@code com.openhtmltopdf.*}), where {@code logging.level} applies.
 */
final class RendererLog implements XRLogger {

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger log = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            log.error(message, error);
        } else if (value >= Level.WARNING.intValue()) {
            log.warn(message, error);
        } else if (value >= Level.INFO.intValue()) {
            log.info(message, error);
        } else {
            log.debug(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are the service's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger log = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.SEVERE.intValue() ? log.isErrorEnabled()
                : value >= Level.WARNING.intValue() ? log.isWarnEnabled()
                : value >= Level.INFO.intValue() ? log.isInfoEnabled() : log.isDebugEnabled();
    }
}
