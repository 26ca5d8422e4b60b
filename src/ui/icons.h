// Toolbar icons: Font Awesome 4.7 glyphs at their private-use code points, merged into the UI font at
// build time (tools/ui-font.py; Debian's fonts-font-awesome). UTF-8 strings, to put before a label.
#pragma once

#define ICON_SEARCH "\xef\x80\x82"    // U+F002
#define ICON_CLOSE "\xef\x80\x8d"     // U+F00D
#define ICON_ZOOM_IN "\xef\x80\x8e"   // U+F00E
#define ICON_ZOOM_OUT "\xef\x80\x90"  // U+F010
#define ICON_PLAY "\xef\x81\x8b"      // U+F04B
#define ICON_PAUSE "\xef\x81\x8c"     // U+F04C
#define ICON_HELP "\xef\x81\x99"      // U+F059
#define ICON_FILTER "\xef\x82\xb0"    // U+F0B0
#define ICON_FIT "\xef\x82\xb2"       // U+F0B2 arrows-alt
#define ICON_MENU "\xef\x83\x89"      // U+F0C9 bars
#define ICON_PRESENT "\xef\x89\xac"   // U+F26C television
