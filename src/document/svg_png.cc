#include "document/svg_png.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

namespace zhizao {
namespace {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDestroy {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};

cairo_status_t append_png_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> svg_to_png(const std::string& svg, double scale) {
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, GObjectUnref> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    std::string message = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    return fail(Status::invalid_data("cannot read SVG: " + message));
  }
  gdouble width = 0;
  gdouble height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 ||
      height <= 0) {
    return fail(Status::invalid_data("SVG has no width and height in pixels"));
  }
  int pixel_width = static_cast<int>(std::ceil(width * scale));
  int pixel_height = static_cast<int>(std::ceil(height * scale));
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixel_width, pixel_height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return fail(Status::internal("cannot create a cairo surface"));
  }
  std::unique_ptr<cairo_t, ContextDestroy> context(cairo_create(surface.get()));
  cairo_set_source_rgb(context.get(), 1, 1, 1);
  cairo_paint(context.get());
  RsvgRectangle viewport{0, 0, static_cast<double>(pixel_width), static_cast<double>(pixel_height)};
  if (!rsvg_handle_render_document(handle.get(), context.get(), &viewport, &error)) {
    std::string message = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    return fail(Status::invalid_data("cannot render SVG: " + message));
  }
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append_png_bytes, &png) !=
      CAIRO_STATUS_SUCCESS) {
    return fail(Status::internal("cannot encode PNG"));
  }
  return png;
}

}  // namespace zhizao
