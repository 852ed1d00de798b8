namespace Regiewijzer.BrowserTests;

/// <summary>
/// Finds a point inside a municipality on the overview's map (drawn by the server as SVG, one path per municipality
/// with data-gemeente): a point of the path's box that lies in its fill and where that path is what the pointer hits,
/// in viewport pixels. Null if the map has no such municipality or it is not in view.
/// </summary>
public static class MapPoint
{
    public const string Script =
        """
        (code) => {
          const path = document.querySelector(`#kaart path[data-gemeente="${code}"]`);
          if (!path) return null;
          const box = path.getBBox();
          const toScreen = path.getScreenCTM();
          for (let i = 1; i < 24; i++) {
            for (let j = 1; j < 24; j++) {
              const p = new DOMPoint(box.x + box.width * i / 24, box.y + box.height * j / 24);
              if (!path.isPointInFill(p)) continue;
              const s = p.matrixTransform(toScreen);
              const hit = document.elementFromPoint(s.x, s.y);
              if (hit && hit.closest('[data-gemeente]') === path) return [s.x, s.y];
            }
          }
          return null;
        }
        """;
}
