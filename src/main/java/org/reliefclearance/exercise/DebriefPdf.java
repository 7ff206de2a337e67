package org.reliefclearance.exercise;

import java.util.Locale;

import org.reliefclearance.reporting.HtmlPdf;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** A run's debrief as a PDF ({@code templates/exercise/debrief-pdf.html}), marked as an exercise. */
public class DebriefPdf {

    private final ITemplateEngine templates;
    private final Vocabulary vocabulary;
    private final HtmlPdf pdf;

    DebriefPdf(ITemplateEngine templates, Vocabulary vocabulary, HtmlPdf pdf) {
        this.templates = templates;
        this.vocabulary = vocabulary;
        this.pdf = pdf;
    }

    public byte[] render(Debrief debrief, Locale locale) {
        Words words = vocabulary.in(locale);
        Context page = new Context(words.locale());
        page.setVariable("words", words);
        page.setVariable("debrief", debrief);
        return pdf.render(templates.process("exercise/debrief-pdf", page));
    }
}
