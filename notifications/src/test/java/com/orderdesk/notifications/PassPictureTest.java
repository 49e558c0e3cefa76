package com.orderdesk.notifications;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail's picture of the pass is a PNG that a QR reader reads as the pass (issue 30). */
class PassPictureTest {
    @Test
    void thePngReadsBackAsThePass() throws Exception {
        String pass = "1006402-482915736102948571630284";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PassPicture.png(pass)));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(200);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(pass);
    }
}
