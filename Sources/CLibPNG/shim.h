// The libpng and zlib interface actplot uses.
//
// libpng reports errors by longjmp; a longjmp must never cross Swift frames. The writer below
// keeps setjmp, every libpng call and the callbacks in C, and returns a status with a message.
// The image data is filtered (Up) and deflated in parts on all cores by the caller, with the
// zlib helper here; libpng writes the file around it.
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

static void actplot_png_write_bytes(png_structp png, png_bytep bytes, size_t length) {
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

/// Compresses `length` bytes of filtered rows as a raw deflate stream (no zlib header), the
/// way zlib's run-length strategy does for a whole image: the image's parts are compressed on
/// separate cores and their streams joined. A part that is not `last` ends with a full flush
/// (byte-aligned, no reference to earlier data); the last one with the final block. `*adler`
/// receives the Adler-32 of the input. Returns 0, or -1 when zlib fails.
static int actplot_deflate_part(const unsigned char *bytes, size_t length, int last,
                                actplot_png_buffer *out, unsigned long *adler) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK) return -1;
    size_t bound = deflateBound(&stream, length) + 64;
    out->data = (unsigned char *)malloc(bound);
    out->size = 0;
    out->capacity = bound;
    if (!out->data) {
        deflateEnd(&stream);
        return -1;
    }
    stream.next_in = (Bytef *)bytes;
    stream.avail_in = (uInt)length;
    stream.next_out = out->data;
    stream.avail_out = (uInt)bound;
    int status = deflate(&stream, last ? Z_FINISH : Z_FULL_FLUSH);
    int ok = last ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0);
    out->size = bound - stream.avail_out;
    deflateEnd(&stream);
    *adler = adler32(1L, bytes, (uInt)length);
    return ok ? 0 : -1;
}

/// Writes a PNG of 8-bit RGB pixels (RGBA when `alpha` is non-zero) whose image data is already compressed: `zlib` is the
/// complete zlib stream of the filtered rows. libpng writes the signature, IHDR, one tEXt chunk
/// (`key`, Latin-1 `text`; no time chunk, so the same pixels give the same bytes), the IDAT
/// chunks and IEND, with their CRCs. Returns 0, or -1 with a message in `error` (256 bytes).
static int actplot_png_write(const unsigned char *zlib, size_t length, unsigned width, unsigned height,
                             int alpha, const char *key, const char *text, actplot_png_buffer *out,
                             char *error) {
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
    png_set_write_fn(png, out, actplot_png_write_bytes, actplot_png_flush);
    png_set_IHDR(png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (text[0] != 0) {  /* an empty text: no tEXt chunk at all (--no-metadata) */
        png_text chunk;
        memset(&chunk, 0, sizeof chunk);
        chunk.compression = PNG_TEXT_COMPRESSION_NONE;
        chunk.key = (png_charp)key;
        chunk.text = (png_charp)text;
        chunk.text_length = strlen(text);
        png_set_text(png, info, &chunk, 1);
    }
    png_write_info(png, info);
    // IDAT chunks of at most 1 MiB, as decoders stream them.
    for (size_t offset = 0; offset < length; offset += 1 << 20) {
        size_t size = length - offset < (1 << 20) ? length - offset : (1 << 20);
        png_write_chunk(png, (png_const_bytep) "IDAT", zlib + offset, size);
    }
    png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    return 0;
}

#endif
