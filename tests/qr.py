"""Reading a QR code the site drew, as a phone would."""

import re

import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw


def decoded(svg):
    """What a phone reads from the drawn QR code: its path's strokes painted on an image and decoded by zxing-cpp's
    reader, so the test checks the drawing, not only the encoder."""
    tag = BeautifulSoup(svg, "html.parser").find("svg")
    side = int(tag["viewbox"].split()[2])
    scale = 4
    image = Image.new("L", (side * scale, side * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y, length in re.findall(r"M(\d+) (\d+)\.5h(\d+)", tag.find("path", class_="qrline")["d"]):
        left, top = int(x) * scale, int(y) * scale
        draw.rectangle([left, top, left + int(length) * scale - 1, top + scale - 1], fill=0)
    result = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert result is not None, "no QR code could be read from the drawing"
    return result.text
