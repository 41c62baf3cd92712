"""Generates the DEMO signature and seal images in static/img/demo/ (run once; committed).

Both are obviously fake: the seal reads "CON DẤU MẪU - DEMO - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
and the signature is a generated scribble over the word "DEMO". Decree 30 PL I II.7–8:
signature blue, seal red, both PNG with a transparent background.

    python -m documents.demo_images
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "static/fonts/tinos/Tinos_700Bold.ttf"
OUT = ROOT / "static/img/demo"
RED = (218, 30, 40, 255)
BLUE = (20, 40, 190, 255)


def seal(size: int = 512) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse((8, 8, size - 8, size - 8), outline=RED, width=14)
    d.ellipse((96, 96, size - 96, size - 96), outline=RED, width=5)
    # Text around the ring, one rotated glyph at a time.
    font = ImageFont.truetype(str(FONT), int(size * 0.075))
    text = "CON DẤU MẪU * DEMO * KHÔNG CÓ GIÁ TRỊ PHÁP LÝ * "
    radius = c - 62
    step = 360 / len(text)
    for i, ch in enumerate(text):
        angle = -90 + i * step
        glyph = Image.new("RGBA", (90, 90), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((45, 48), ch, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = c + radius * math.cos(math.radians(angle)) - 45
        y = c + radius * math.sin(math.radians(angle)) - 45
        img.alpha_composite(glyph, (int(x), int(y)))
    # Centre: a star and the word DEMO.
    star = []
    for k in range(10):
        r = 60 if k % 2 == 0 else 24
        a = math.radians(-90 + k * 36)
        star.append((c + r * math.cos(a), c - 40 + r * math.sin(a)))
    d.polygon(star, fill=RED)
    d.text((c, c + 55), "DEMO", font=ImageFont.truetype(str(FONT), int(size * 0.13)), fill=RED, anchor="mm")
    return img


def signature(width: int = 720, height: int = 300) -> Image.Image:
    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pts = []
    for i in range(400):
        t = i / 399
        x = 40 + t * (width - 80)
        y = height / 2 + 70 * math.sin(t * 9.5) * (1 - t * 0.5) + 25 * math.sin(t * 31)
        pts.append((x, y))
    d.line(pts, fill=BLUE, width=7, joint="curve")
    d.line([(90, height - 70), (width - 120, height - 95)], fill=BLUE, width=5)
    d.text((width - 40, 30), "DEMO", font=ImageFont.truetype(str(FONT), 40), fill=BLUE, anchor="rt")
    return img


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seal().save(OUT / "demo-seal.png", optimize=True)
    signature().save(OUT / "demo-signature.png", optimize=True)


if __name__ == "__main__":
    main()
