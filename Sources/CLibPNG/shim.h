// The libpng interface actplot uses.
//
// libpng reports errors by longjmp; a longjmp must never cross Swift frames. The encoder below
// keeps setjmp, every libpng call and the callbacks in C, and returns a status with a message.
// Decoding (in tests) uses libpng's simplified png_image API, which needs no setjmp.
#ifndef ACTPLOT_CLIBPNG_SHIM_H
#define ACTPLOT_CLIBPNG_SHIM_H

#include <png.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/// A growable memory buffer the encoder writes into; the caller frees `data`.
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
} actplot_png_buffer;

static void actplot_png_error(png_structp png, png_const_charp message) {
    char *out = (char *)png_get_error_ptr(png);
    strncpy(out, message, 255);
    out[255] = 0;
    png_longjmp(png, 1);
}

static void actplot_png_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void actplot_png_write(png_structp png, png_bytep bytes, size_t length) {
    actplot_png_buffer *buffer = (actplot_png_buffer *)png_get_io_ptr(png);
    if (buffer->size + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->size + length) capacity *= 2;
        unsigned char *data = (unsigned char *)realloc(buffer->data, capacity);
        if (!data) png_error(png, "out of memory while encoding the PNG");
        buffer->data = data;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, bytes, length);
    buffer->size += length;
}

static void actplot_png_flush(png_structp png) { (void)png; }

/// Encodes 8-bit RGB pixels (rows top to bottom, 3 bytes a pixel) as a PNG with one tEXt chunk
/// (`key`, Latin-1 `text`) and no time chunk, so the same pixels give the same bytes.
/// Returns 0, or -1 with a message in `error` (256 bytes).
static int actplot_png_encode(const unsigned char *rgb, unsigned width, unsigned height, const char *key,
                              const char *text, actplot_png_buffer *out, char *error) {
    error[0] = 0;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, actplot_png_error, actplot_png_warning);
    if (!png) {
        strcpy(error, "cannot create the PNG writer");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        strcpy(error, "cannot create the PNG header");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -1;
    }
    png_set_write_fn(png, out, actplot_png_write, actplot_png_flush);
    // One filter instead of libpng's adaptive search (which took half the time): plots are
    // mostly flat rows, which the Up filter turns into zeros, and zlib's run-length strategy
    // packs those runs about as small as its default search, several times faster.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(png, 6);
    png_set_compression_strategy(png, Z_RLE);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_text chunk;
    memset(&chunk, 0, sizeof chunk);
    chunk.compression = PNG_TEXT_COMPRESSION_NONE;
    chunk.key = (png_charp)key;
    chunk.text = (png_charp)text;
    chunk.text_length = strlen(text);
    png_set_text(png, info, &chunk, 1);
    png_write_info(png, info);
    for (unsigned y = 0; y < height; y++) {
        png_write_row(png, (png_const_bytep)(rgb + (size_t)y * width * 3));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}

#endif
