package nl.netwerkzorg.atlas.analysis.ui;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers, shares and times as Analyse shows them, in the user's locale (Dutch: 1.234 · 0,25 · 12,5%). */
record AnalysisFormat(Locale locale) {

    String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    String decimal(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    String seconds(long millis) {
        return decimal(millis / 1000.0, 2);
    }

    String dateTime(OffsetDateTime at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }

    String date(OffsetDateTime at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }
}
