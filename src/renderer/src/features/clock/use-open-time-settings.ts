import { api } from '../../bridge/api'
import { useStore } from '../../store'

export function useOpenTimeSettings(): () => void {
  const showToast = useStore((s) => s.showToast)
  return () =>
    void api()
      .clock.openSettings()
      .then((reply) => {
        if (!reply.ok || !reply.value.opened) showToast('SellerGuard could not open the settings here: follow the steps shown.')
      })
}
