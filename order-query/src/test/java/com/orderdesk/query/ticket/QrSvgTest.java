package com.orderdesk.query.ticket;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The pass's SVG is a QR code that reads back as the pass (issue 30): its path's modules decoded by ZXing. */
class QrSvgTest {
    private static final String PASS = "1006402-482915736102948571630284";

    @Test
    void thePictureReadsBackAsThePass() throws Exception {
        String svg = QrSvg.of(PASS, "Пропуск по билету № 207 <&>");
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 ").contains("Пропуск по билету № 207 &lt;&amp;&gt;");
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int modules = size - 8; // the quiet zone: 4 modules each side
        BitMatrix matrix = new BitMatrix(modules);
        Matcher run = Pattern.compile("M(\\d+),(\\d+)h(\\d+)").matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - 4;
            int y = Integer.parseInt(run.group(2)) - 4;
            matrix.setRegion(x, y, Integer.parseInt(run.group(3)), 1);
        }
        assertThat(new Decoder().decode(matrix).getText()).isEqualTo(PASS);
    }
}
